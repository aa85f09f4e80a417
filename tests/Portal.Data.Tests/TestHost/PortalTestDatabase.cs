using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests.TestHost;

/// <summary>One empty, private database for one test; dropped or deleted on dispose.</summary>
internal abstract class PortalTestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Points a context at this database through the provider's own <c>Use</c> (and so its migrations assembly).</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    public abstract ValueTask DisposeAsync();
}
