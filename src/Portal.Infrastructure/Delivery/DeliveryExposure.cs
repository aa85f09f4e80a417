namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Which content types the Delivery API may show (<c>AllowedContentTypeAliases</c> beats
/// <c>DisallowedContentTypeAliases</c>, as in Umbraco). Hidden types are absent everywhere: items, lists and pickers.
/// </summary>
public sealed class DeliveryExposure(IEnumerable<string> allowed, IEnumerable<string> disallowed)
{
    private readonly HashSet<string> allowed = new(allowed, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> disallowed = new(disallowed, StringComparer.OrdinalIgnoreCase);

    public static readonly DeliveryExposure Everything = new([], []);

    /// <summary>Tells two exposures apart in remembered query answers.</summary>
    public string Signature { get; } = "+" + string.Join(',', allowed.Order(StringComparer.OrdinalIgnoreCase)) + "-"
        + string.Join(',', disallowed.Order(StringComparer.OrdinalIgnoreCase));

    public bool Exposes(string contentTypeAlias) =>
        allowed.Count > 0 ? allowed.Contains(contentTypeAlias) : !disallowed.Contains(contentTypeAlias);
}
