using System.Security.Cryptography;
using System.Text;

namespace ChatbotOrleans.Grains.Email;

/// <summary>Outbox ids that a retried request computes again, so it finds the email it queued before.</summary>
public static class EmailIds
{
    /// <summary>The id of a user's welcome email: one per user, whatever happens to the sign-in.</summary>
    public static Guid Welcome(Guid userId) => From("welcome", userId);

    private static Guid From(string kind, Guid id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{id:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
