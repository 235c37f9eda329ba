namespace ChatbotOrleans.Bench.Measure;

/// <summary>The live objects of one type: their bytes (shallow sizes) and how many there are.</summary>
public readonly record struct TypeTotal(long Bytes, long Count);
