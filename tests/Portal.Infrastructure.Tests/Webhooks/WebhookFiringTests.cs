using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Workflow;
using Portal.Data.Webhooks;
using Portal.Infrastructure.Webhooks;

namespace Portal.Infrastructure.Tests.Webhooks;

/// <summary>Webhooks end to end: a verb commits, the outbox queues the delivery, WebhookFiring POSTs it to a real receiver.</summary>
public sealed class WebhookFiringTests : IAsyncLifetime
{
    private const string Secret = "khoa-bi-mat-cua-ben-nhan";
    private static readonly Guid WebhookKey = Guid.Parse("6a1d3e0c-3f5b-4f55-9b3e-5c2f4f7d1a01");

    private readonly string folder = Directory.CreateTempSubdirectory("portal-webhooks-").FullName;
    private readonly List<WebhookEngine> engines = [];
    private WebhookReceiver receiver = null!;

    private string DatabaseFile => Path.Combine(folder, "portal.db");

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    [Fact]
    public async Task Publish_SubscribedWebhook_OnePostWithUmbracoHeadersDeliveryItemAndValidSignature()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentPublish, headers: new() { ["X-Api-Key"] = "abc123" }));
        var (_, column) = await engine.CreateSiteAsync();
        var article = await engine.CreatePublishedAsync("article", column, "Tỉnh Kon Tum đẩy mạnh cải cách hành chính");

        Assert.Equal(WebhookTickOutcome.Ran, await engine.Firing.TickAsync(CancellationToken.None));

        var request = Assert.Single(receiver.Requests, r => Id(r) == article);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hook", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("Umbraco-Cms/17.8.1", request.Header("User-Agent"));
        Assert.Equal("0", request.Header("Umb-Webhook-RetryCount"));
        Assert.Equal("Umbraco.ContentPublish", request.Header("Umb-Webhook-Event"));
        Assert.Equal("abc123", request.Header("X-Api-Key"));
        var item = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("article", (string?)item["contentType"]);
        Assert.Equal("Tỉnh Kon Tum đẩy mạnh cải cách hành chính", (string?)item["name"]);
        AssertSignedWithSecret(request, engine.Clock.GetUtcNow().ToUnixTimeSeconds());

        // Home, column and article: one request each, and nothing left to send.
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(await engine.DeliveriesAsync(), d => Assert.Equal(WebhookDeliveryState.Delivered, d.State));
        await engine.Firing.TickAsync(CancellationToken.None);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Publish_WebhookFilteredToArticles_OtherContentTypesNotSent()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentPublish, contentTypes: ["article"]));
        var (home, column) = await engine.CreateSiteAsync();
        var article = await engine.CreatePublishedAsync("article", column, "Bài viết");

        await engine.Firing.TickAsync(CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(article, Id(request));
        Assert.DoesNotContain(await engine.DeliveriesAsync(), d => d.DocumentKey == home || d.DocumentKey == column);
    }

    [Fact]
    public async Task Publish_WebhookSubscribedToOtherEventsOnly_NothingQueued()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentUnpublish, WebhookEvents.MediaSave));

        await engine.CreateSiteAsync();

        Assert.Empty(await engine.DeliveriesAsync());
    }

    [Fact]
    public async Task Publish_WebhooksDisabledInUmbracoSettings_NothingQueuedOrSent()
    {
        var settings = Webhook(WebhookEvents.ContentPublish);
        settings["Umbraco:CMS:Webhook:Enabled"] = "false";
        var engine = await StartAsync(settings);

        await engine.CreateSiteAsync();
        await engine.Firing.TickAsync(CancellationToken.None);

        Assert.Empty(await engine.DeliveriesAsync());
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Fire_ReceiverAnswers500_RetriedEveryPeriodWithRetryCountThenFailed()
    {
        var settings = Webhook(WebhookEvents.ContentPublish, contentTypes: ["home"]);
        settings["Umbraco:CMS:Webhook:MaximumRetries"] = "2";
        settings["Umbraco:CMS:Webhook:Period"] = "00:00:05";
        var engine = await StartAsync(settings);
        receiver.StatusCode = 500;
        await engine.CreatePublishedAsync("home", null, "Trang chủ");

        await engine.Firing.TickAsync(CancellationToken.None);
        await engine.Firing.TickAsync(CancellationToken.None);
        Assert.Single(receiver.Requests);
        for (var retry = 1; retry <= 2; retry++)
        {
            engine.Clock.Advance(TimeSpan.FromSeconds(5));
            await engine.Firing.TickAsync(CancellationToken.None);
        }

        Assert.Equal(["0", "1", "2"], receiver.Requests.Select(r => r.Header("Umb-Webhook-RetryCount")));
        var delivery = Assert.Single(await engine.DeliveriesAsync());
        Assert.Equal(WebhookDeliveryState.Failed, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(500, delivery.LastStatusCode);
        Assert.StartsWith("HTTP 500", delivery.LastError);
        Assert.Equal(engine.Now, delivery.CompletedAt);

        engine.Clock.Advance(TimeSpan.FromSeconds(5));
        await engine.Firing.TickAsync(CancellationToken.None);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Fire_ReceiverRecoversBeforeRetriesRunOut_DeliveredWithSameBody()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentPublish, contentTypes: ["home"]));
        receiver.StatusCode = 503;
        await engine.CreatePublishedAsync("home", null, "Trang chủ");
        await engine.Firing.TickAsync(CancellationToken.None);

        receiver.StatusCode = 200;
        engine.Clock.Advance(TimeSpan.FromSeconds(10));
        await engine.Firing.TickAsync(CancellationToken.None);

        Assert.Equal(["0", "1"], receiver.Requests.Select(r => r.Header("Umb-Webhook-RetryCount")));
        Assert.Equal(receiver.Requests[0].Body, receiver.Requests[1].Body);
        var delivery = Assert.Single(await engine.DeliveriesAsync());
        Assert.Equal((WebhookDeliveryState.Delivered, 200, 1), (delivery.State, delivery.LastStatusCode, delivery.Attempts));
    }

    [Fact]
    public async Task Unpublish_SubscribedWebhook_ContentUnpublishWithIdPayload()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentUnpublish));
        var (_, column) = await engine.CreateSiteAsync();
        var article = await engine.CreatePublishedAsync("article", column, "Bài viết sẽ gỡ");

        var result = await engine.Services.GetRequiredService<ContentPublishing>().UnpublishAsync(article, WebhookEngine.Actor);
        Assert.True(result.Succeeded);
        await engine.Firing.TickAsync(CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("Umbraco.ContentUnpublish", request.Header("Umb-Webhook-Event"));
        Assert.Equal($$"""{"id":"{{article}}"}""", request.Body);
    }

    [Fact]
    public async Task Delete_TrashedColumnWithArticle_OneContentDeletePerRemovedDocument()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentDelete));
        var (_, column) = await engine.CreateSiteAsync();
        var article = await engine.CreatePublishedAsync("article", column, "Bài viết sẽ xóa");
        var structure = engine.Services.GetRequiredService<ContentStructure>();
        Assert.True((await structure.TrashAsync(column, WebhookEngine.Actor)).Succeeded);
        Assert.Empty(await engine.DeliveriesAsync());

        Assert.True((await structure.DeleteAsync(column, WebhookEngine.Actor)).Succeeded);
        await engine.Firing.TickAsync(CancellationToken.None);

        Assert.All(receiver.Requests, r => Assert.Equal("Umbraco.ContentDelete", r.Header("Umb-Webhook-Event")));
        Assert.Equal(
            new[] { column, article }.Select(k => $$"""{"id":"{{k}}"}""").Order(),
            receiver.Requests.Select(r => r.Body).Order());
    }

    [Fact]
    public async Task Fire_SecondNodeWithoutWebhooksLease_SendsNothingUntilLeaseExpires()
    {
        var settings = Webhook(WebhookEvents.ContentPublish);
        var first = await StartAsync(settings, "node-1");
        var second = await StartAsync(settings, "node-2", first.Clock);
        var (home, column) = await first.CreateSiteAsync();

        // Published on the second node: the first holds the durable-outbox lease, so only it queues the request.
        var article = await second.CreatePublishedAsync("article", column, "Bài viết từ nút thứ hai");
        await first.Services.GetRequiredService<Outbox.OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(new[] { home, column, article }, (await first.DeliveriesAsync()).Select(d => d.DocumentKey!.Value));

        Assert.Equal(WebhookTickOutcome.Ran, await first.Firing.TickAsync(CancellationToken.None));
        Assert.Equal(WebhookTickOutcome.NotLeaseHolder, await second.Firing.TickAsync(CancellationToken.None));
        Assert.Equal(3, receiver.Requests.Count);

        // The first node goes silent; once its lease has run out the second takes the job over.
        var late = await second.CreatePublishedAsync("article", column, "Bài viết sau khi nút thứ nhất dừng");
        first.Clock.Advance(WebhookFiring.FixedLeaseDuration + TimeSpan.FromSeconds(1));
        await second.Services.GetRequiredService<Outbox.OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(WebhookTickOutcome.Ran, await second.Firing.TickAsync(CancellationToken.None));
        Assert.Equal(WebhookTickOutcome.NotLeaseHolder, await first.Firing.TickAsync(CancellationToken.None));
        Assert.Equal(late, Id(receiver.Requests[^1]));
        Assert.Equal(4, receiver.Requests.Count);
    }

    [Fact]
    public async Task Cleanup_CompletedDeliveriesOlderThanKeepLogsForDays_RemovedOthersKept()
    {
        var settings = Webhook(WebhookEvents.ContentPublish);
        settings["Umbraco:CMS:Webhook:KeepLogsForDays"] = "7";
        var engine = await StartAsync(settings);
        var store = engine.Services.GetRequiredService<WebhookDeliveryStore>();
        var old = engine.Now.AddDays(-8);
        var oldDelivered = Delivery(old);
        oldDelivered.MarkDelivered(200, old);
        var oldFailed = Delivery(old);
        oldFailed.Abandon("Thử nghiệm", old);
        var recentDelivered = Delivery(engine.Now.AddDays(-6));
        recentDelivered.MarkDelivered(200, engine.Now.AddDays(-6));
        // A pending row is never removed, however old: it still has to go out.
        var oldPending = Delivery(old);
        await store.AddAsync([oldDelivered, oldFailed, recentDelivered, oldPending], CancellationToken.None);
        receiver.StatusCode = 500;

        await engine.Firing.TickAsync(CancellationToken.None);

        var left = await engine.DeliveriesAsync();
        Assert.Equal(new[] { recentDelivered.Id, oldPending.Id }, left.Select(d => d.Id));
    }

    [Fact]
    public async Task FiringService_Started_SendsOnItsOwnTimer()
    {
        var engine = await StartAsync(Webhook(WebhookEvents.ContentPublish, contentTypes: ["home"]));
        var home = await engine.CreatePublishedAsync("home", null, "Trang chủ");

        await engine.Firing.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (receiver.Requests.Count == 0 && DateTime.UtcNow < deadline)
            {
                engine.Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50);
            }
        }
        finally
        {
            await engine.Firing.StopAsync(CancellationToken.None);
        }

        Assert.Equal(home, Id(Assert.Single(receiver.Requests)));
    }

    public async Task DisposeAsync()
    {
        foreach (var engine in engines)
        {
            await engine.DisposeAsync();
        }

        await receiver.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the OS; the temp folder is cleaned by the system.
        }
    }

    private async Task<WebhookEngine> StartAsync(Dictionary<string, string?> settings, string nodeId = "node-1",
        Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        var engine = await WebhookEngine.StartAsync(DatabaseFile, clock ?? WebhookEngine.NewClock(), settings, nodeId);
        engines.Add(engine);
        return engine;
    }

    private Dictionary<string, string?> Webhook(params string[] events) => Webhook(events, null, null);

    private Dictionary<string, string?> Webhook(string eventAlias, string[]? contentTypes = null, Dictionary<string, string>? headers = null) =>
        Webhook([eventAlias], contentTypes, headers);

    private Dictionary<string, string?> Webhook(string[] events, string[]? contentTypes, Dictionary<string, string>? headers)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Webhooks:0:Key"] = WebhookKey.ToString(),
            ["Portal:Webhooks:0:Url"] = receiver.Url("/hook"),
            ["Portal:Webhooks:0:Secret"] = Secret,
        };
        for (var i = 0; i < events.Length; i++)
        {
            settings[$"Portal:Webhooks:0:Events:{i}"] = events[i];
        }

        for (var i = 0; i < (contentTypes?.Length ?? 0); i++)
        {
            settings[$"Portal:Webhooks:0:ContentTypes:{i}"] = contentTypes![i];
        }

        foreach (var (name, value) in headers ?? [])
        {
            settings[$"Portal:Webhooks:0:Headers:{name}"] = value;
        }

        return settings;
    }

    private WebhookDelivery Delivery(DateTime createdAt) =>
        new(WebhookKey, WebhookEvents.ContentPublish, Guid.NewGuid(), receiver.Url("/hook"), "{}", createdAt);

    private static Guid Id(ReceivedRequest request) => Guid.Parse((string)JsonNode.Parse(request.Body)!["id"]!);

    /// <summary>Recomputed here from the published recipe, not with Portal's own helper.</summary>
    private static void AssertSignedWithSecret(ReceivedRequest request, long expectedTimestamp)
    {
        var parts = request.Header("X-Portal-Signature").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expectedTimestamp.ToString(), parts["t"]);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{request.Body}"));
        Assert.Equal(Convert.ToHexString(mac).ToLowerInvariant(), parts["v1"]);
    }
}
