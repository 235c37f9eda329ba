namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>The ways the fake endpoint can misbehave; each kind has its own plan, so a cut and a stall can be planned together.</summary>
internal enum FakeFaultKind
{
    Status,
    Cut,
    Malformed,
    Stall,
}

/// <summary>The misbehaviour planned for the next requests, one slot a kind; a test replaces a plan from any thread.</summary>
internal sealed class FakeFaults
{
    private readonly FakeFault?[] _planned = new FakeFault?[Enum.GetValues<FakeFaultKind>().Length];

    public void Plan(FakeFaultKind kind, FakeFault fault) => Volatile.Write(ref _planned[(int)kind], fault);

    /// <summary>The fault of <paramref name="kind"/> for this request, if one is planned and not used up.</summary>
    public FakeFault? Claim(FakeFaultKind kind) => FakeFault.Claim(Volatile.Read(ref _planned[(int)kind]));

    public void Clear()
    {
        foreach (var kind in Enum.GetValues<FakeFaultKind>())
        {
            Volatile.Write(ref _planned[(int)kind], null);
        }
    }
}
