using System.Buffers.Text;
using System.Security.Cryptography;

namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// A one-time sign-in token: 32 random bytes, written base64url into the link. Only its SHA-256 hash is
/// ever stored, as the key of its <see cref="ISignInLinkGrain"/>: reading the database yields no link.
/// </summary>
public static class SignInLinkToken
{
    private const int Bytes = 32;

    /// <summary>A new token and the grain key derived from it.</summary>
    public static (string Token, Guid Key) Create()
    {
        var bytes = RandomNumberGenerator.GetBytes(Bytes);
        return (Base64Url.EncodeToString(bytes), KeyOf(bytes));
    }

    /// <summary>The grain key for a token from a link, or <c>null</c> when it cannot be one of ours.</summary>
    public static Guid? KeyFor(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64 || !Base64Url.IsValid(token, out var length) || length != Bytes)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[Bytes];
        return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == Bytes ? KeyOf(bytes) : null;
    }

    // 128 of the hash's 256 bits: a collision or a guess needs about 2^64 (resp. 2^128) tries.
    private static Guid KeyOf(ReadOnlySpan<byte> token) => new(SHA256.HashData(token).AsSpan(0, 16));
}
