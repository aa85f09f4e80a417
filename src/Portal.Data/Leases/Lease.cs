namespace Portal.Data.Leases;

/// <summary>
/// A named right to do a cluster-wide job (scheduler, durable outbox consumers, webhook firing) that lapses at
/// <see cref="ExpiresAt"/> unless its holder renews it, so a node that dies hands the job over by itself.
/// </summary>
public sealed class Lease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    private Lease()
    {
        Name = string.Empty;
        Holder = string.Empty;
    }

    public Lease(string name, string holder, DateTime expiresAt)
    {
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public DateTime ExpiresAt { get; private set; }
}
