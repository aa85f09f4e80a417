using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Delivery;

/// <summary>Where an item lives: its route below its root, and that root (Umbraco's start item).</summary>
public sealed record ItemRoute(string Path, Guid StartItemKey, string StartItemPath);

/// <summary>One document to write: its tree facts, the edition's values, and its route.</summary>
public sealed record DeliveryItem(PublishedNode Node, PublishedContent Content, ItemRoute Route);

/// <summary>What one request asked for: which picker properties to expand and which properties to output.</summary>
public sealed record DeliveryShape(PropertySelection Expand, PropertySelection Fields, DeliveryExposure Exposure, bool RichTextAsJson)
{
    public static readonly DeliveryShape Default = new(PropertySelection.None, PropertySelection.Every, DeliveryExposure.Everything, false);
}
