using System.Text.Json;
using Portal.Core.Events;

namespace Portal.Data.Outbox;

public static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage ToMessage(ContentEvent contentEvent, DateTime now) =>
        new(ContentEventTypes.NameOf(contentEvent), JsonSerializer.Serialize(contentEvent, contentEvent.GetType(), Json), now);

    /// <summary>Null for a type this build does not know (written by a newer node during a rolling upgrade).</summary>
    public static ContentEvent? FromMessage(OutboxMessage message) =>
        ContentEventTypes.Find(message.Type) is { } type ? (ContentEvent?)JsonSerializer.Deserialize(message.Payload, type, Json) : null;
}
