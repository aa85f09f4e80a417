namespace Portal.Infrastructure.Leases;

/// <summary>Who this node is when it holds a lease: unique per running process, never reused by a restart.</summary>
public interface INodeIdentity
{
    string Id { get; }
}
