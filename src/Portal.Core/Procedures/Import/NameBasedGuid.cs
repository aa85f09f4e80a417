using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// RFC 4122 version-5 (SHA-1, name-based) GUIDs. Block keys are derived from the procedure code, field and position,
/// so importing the same record again writes byte-identical Block List values and no new edition is made.
/// </summary>
internal static class NameBasedGuid
{
    // Fixed namespace for procedure import blocks; changing it would change every block key once.
    private static readonly Guid Namespace = new("6f1c4a52-7b0e-5d3a-9c1e-2b8f4d6a0e71");

    public static Guid Create(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        Namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; the hash identifies, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
