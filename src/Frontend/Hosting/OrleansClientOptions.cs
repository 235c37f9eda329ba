using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>How the frontend reaches the Orleans cluster (and the PostgreSQL database it shares with it).</summary>
internal sealed class OrleansClientOptions
{
    public const string SectionName = "Orleans";

    public const string ConnectionStringName = "Orleans";

    /// <summary>From <c>ConnectionStrings:Orleans</c>: the cluster's PostgreSQL database, Npgsql format.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage =
        "ConnectionStrings:Orleans is required (environment variable ConnectionStrings__Orleans): the PostgreSQL database of the Orleans cluster, "
        + "in Npgsql format, e.g. \"Host=db;Database=chatbot;Username=chatbot;Password=…\".")]
    public string ConnectionString { get; set; } = string.Empty;

    [Required(AllowEmptyStrings = false, ErrorMessage = "Orleans:ClusterId must not be empty.")]
    public string ClusterId { get; set; } = "chatbot";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Orleans:ServiceId must not be empty.")]
    public string ServiceId { get; set; } = "chatbot";
}
