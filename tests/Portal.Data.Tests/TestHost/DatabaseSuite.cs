using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Data.Tests.TestHost;

/// <summary>
/// Base of every suite that runs on both providers: the facts are written once in an abstract subclass, and two tiny
/// sealed classes (…OnSqlite, …OnPostgreSql) say which database each test gets.
/// </summary>
public abstract class DatabaseSuite
{
    /// <summary>2 March 2026, 08:00 in Hà Nội.</summary>
    private protected static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private protected abstract PortalTestDatabase CreateDatabase();

    private protected static FakeTimeProvider NewClock() => new(Start);

    /// <summary>A fresh database, migrated, with the uSync schema imported; disposing the host drops the database.</summary>
    private protected Task<PortalTestHost> StartAsync(Action<IServiceCollection>? configure = null) =>
        PortalTestHost.StartAsync(CreateDatabase(), NewClock(), configure);
}
