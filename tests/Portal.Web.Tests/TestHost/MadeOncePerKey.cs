namespace Portal.Web.Tests.TestHost;

/// <summary>
/// A value made at most once per key for the whole test process (seeded templates), one maker at a time per key while
/// other keys proceed; a failed make is not remembered, so the next host tries again.
/// </summary>
internal sealed class MadeOncePerKey
{
    private readonly Dictionary<string, string> made = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> gates = new(StringComparer.Ordinal);

    public string Get(string key, Func<string> make)
    {
        object gate;
        lock (made)
        {
            if (made.TryGetValue(key, out var value))
            {
                return value;
            }

            if (!gates.TryGetValue(key, out gate!))
            {
                gate = new object();
                gates[key] = gate;
            }
        }

        lock (gate)
        {
            lock (made)
            {
                if (made.TryGetValue(key, out var value))
                {
                    return value;
                }
            }

            var fresh = make();
            lock (made)
            {
                made[key] = fresh;
            }

            return fresh;
        }
    }
}
