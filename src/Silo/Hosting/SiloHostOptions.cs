using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>How this silo joins the cluster, bound from the "Orleans" configuration section.</summary>
public sealed class SiloHostOptions
{
    public const string SectionName = "Orleans";

    [Required(ErrorMessage = "Orleans:ClusterId is empty; give every silo and client of one deployment the same id.")]
    public string ClusterId { get; set; } = "chatbot";

    [Required(ErrorMessage = "Orleans:ServiceId is empty; it must stay the same across deployments, since grain state is keyed by it.")]
    public string ServiceId { get; set; } = "chatbot";

    [Range(1, 65535, ErrorMessage = "Orleans:SiloPort must be a TCP port (1-65535).")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Orleans:GatewayPort must be a TCP port (1-65535).")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients use to reach this one: an IP address, "auto" for this
    /// host's first non-loopback IPv4 address (a container's overlay address), or empty for loopback.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }
}
