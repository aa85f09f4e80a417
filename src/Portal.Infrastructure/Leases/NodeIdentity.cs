using System.Security.Cryptography;
using Portal.Data.Leases;

namespace Portal.Infrastructure.Leases;

/// <summary>
/// Machine name, process id and a random suffix, made once per process. The suffix matters in containers, where
/// every replica may be process 1 on a host name that repeats; a restarted process is a new holder and so waits
/// for its predecessor's leases to expire instead of assuming them.
/// </summary>
public sealed class NodeIdentity : INodeIdentity
{
    private NodeIdentity()
    {
        var suffix = $":{Environment.ProcessId}:{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var machine = Environment.MachineName;
        var room = Lease.HolderMaxLength - suffix.Length;
        Id = (machine.Length > room ? machine[..room] : machine) + suffix;
    }

    public static NodeIdentity Current { get; } = new();

    public string Id { get; }
}
