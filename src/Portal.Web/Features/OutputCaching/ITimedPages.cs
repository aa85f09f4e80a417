namespace Portal.Web.Features.OutputCaching;

/// <summary>
/// Public pages whose content changes with the clock alone: a display window that opens or closes changes what they
/// show without a publish, so no eviction comes for them. The page output cache keys such a page by its current period
/// and keeps it no longer than the period lasts; the site's validators (ETag, max-age) follow the same period.
/// </summary>
public interface ITimedPages
{
    /// <summary>The period the requested page is in, or null when what it shows does not depend on the clock.</summary>
    ValueTask<PagePeriod?> PeriodAsync(HttpRequest request, CancellationToken cancellationToken);
}

/// <param name="Name">The same for exactly as long as the page's clock-dependent content stays the same.</param>
/// <param name="EndsAt">When that content next changes (UTC), or null when no change is due.</param>
public sealed record PagePeriod(string Name, DateTime? EndsAt)
{
    /// <summary>
    /// <paramref name="lifetime"/>, cut to what is left of the period at <paramref name="utcNow"/> (zero once it has ended):
    /// a copy kept longer would show the page as it was before the window edge.
    /// </summary>
    public TimeSpan Cap(TimeSpan lifetime, DateTime utcNow)
    {
        if (EndsAt is not { } end)
        {
            return lifetime;
        }

        var left = end - utcNow;
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left < lifetime ? left : lifetime;
    }
}
