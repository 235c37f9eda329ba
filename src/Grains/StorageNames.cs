namespace ChatbotOrleans.Grains;

/// <summary>Names of the grain storage providers the silo must register.</summary>
public static class StorageNames
{
    /// <summary>The ADO.NET storage holding all of this app's grain state.</summary>
    public const string Chat = "chat";
}
