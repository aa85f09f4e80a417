namespace Portal.Data.Outbox;

/// <summary>A content event written in the same transaction as the change it describes.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = string.Empty;
        Payload = string.Empty;
    }

    public OutboxMessage(string type, string payload, DateTime createdAt)
    {
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string Type { get; private set; }
    public string Payload { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>How far one durable consumer has got through the outbox.</summary>
public sealed class OutboxCursor
{
    private OutboxCursor()
    {
        Consumer = string.Empty;
    }

    public OutboxCursor(string consumer, long lastMessageId)
    {
        Consumer = consumer;
        LastMessageId = lastMessageId;
    }

    public string Consumer { get; private set; }
    public long LastMessageId { get; set; }
}
