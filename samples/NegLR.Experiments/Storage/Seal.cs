using System;
using System.Security.Cryptography;
using System.Text;

namespace NegLR.Experiments.Storage;

/// <summary>
/// The integrity seal of a JSON record: SHA-256 of the record's bytes without the seal, appended as its last property
/// (<c>…,"seal":"sha256:&lt;hex&gt;"}</c>). An edited, truncated or spliced file fails the check; the seal is computed over
/// the exact bytes on disk, so no re-serialisation can disagree with it.
/// </summary>
internal static class Seal
{
    private const string Property = ",\"seal\":\"sha256:";

    /// <summary>Adds the seal to a compact JSON object.</summary>
    public static string Apply(string json)
    {
        if (!json.EndsWith('}'))
        {
            throw new ArgumentException("A sealed record must be a JSON object.", nameof(json));
        }

        return json[..^1] + Property + Hash(json) + "\"}";
    }

    /// <summary>The JSON without its seal when the seal matches; null when there is none or it does not match.</summary>
    public static string? Verify(string text)
    {
        int at = text.LastIndexOf(Property, StringComparison.Ordinal);
        if (at < 0 || !text.EndsWith("\"}", StringComparison.Ordinal))
        {
            return null;
        }

        string hash = text[(at + Property.Length)..^2];
        string body = text[..at] + "}";
        return string.Equals(hash, Hash(body), StringComparison.Ordinal) ? body : null;
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
