using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using k8s;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>
/// One watch of the NetworkConnectivityTests of a namespace, from before the first create, timestamping on arrival
/// when each test's generations were written and when the operator's status for them was.
/// </summary>
internal sealed class TestWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TestTimeline> _timelines = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    public static async Task<TestWatcher> StartAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        var type = ResourceType.Of<V1Alpha1NetworkConnectivityTest>();

        // Watching from the list's resourceVersion: no event is missed even if the watch connects after the first create.
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(type.Group, type.Version, @namespace, type.Plural, cancellationToken: cancellationToken);
        var version = list.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        var watcher = new TestWatcher();
        watcher._watching = Task.Run(() => watcher.WatchAsync(client, type, @namespace, version, watcher._stop.Token), CancellationToken.None);
        return watcher;
    }

    /// <summary>The timeline of the test <paramref name="name"/>.</summary>
    public TestTimeline Of(string name) => _timelines.GetOrAdd(name, _ => new TestTimeline());

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    // A watch can end (a server-side timeout, a dropped connection, 410 Gone under a burst of writes): it is resumed
    // from the last resourceVersion seen, or relisted when that is too old, and each resume is said on stderr, since
    // what a relist finds is stamped when it is found, not when it happened.
    private async Task WatchAsync(IKubernetes client, ResourceType type, string @namespace, string? version, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    type.Group, type.Version, @namespace, type.Plural, resourceVersion: version, timeoutSeconds: 3600, cancellationToken: cancellationToken);
                await foreach (var (_, item) in events)
                {
                    version = See((JsonElement)item) ?? version;
                }

                await Console.Error.WriteLineAsync($"operator: the watch of {@namespace} ended; resuming from resourceVersion {version}");
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"operator: the watch of {@namespace} failed ({e.Message}); listing again");
                var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(type.Group, type.Version, @namespace, type.Plural, cancellationToken: cancellationToken);
                foreach (var test in list.GetProperty("items").EnumerateArray())
                {
                    See(test);
                }

                version = list.GetProperty("metadata").GetProperty("resourceVersion").GetString();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Marks the stages <paramref name="test"/> shows; returns its resourceVersion.</summary>
    private string? See(JsonElement test)
    {
        var seenAt = Stopwatch.GetTimestamp();
        var metadata = test.GetProperty("metadata");
        var generation = metadata.GetProperty("generation").GetInt64();
        var timeline = Of(metadata.GetProperty("name").GetString()!);
        timeline.Mark(TestStage.Written, generation, seenAt);
        var version = metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null;
        if (!test.TryGetProperty("status", out var status) || !status.TryGetProperty("observedGeneration", out var observed) || observed.GetInt64() != generation)
        {
            return version;
        }

        if (status.TryGetProperty("lastRun", out var lastRun) && lastRun.ValueKind == JsonValueKind.String)
        {
            timeline.Mark(TestStage.Status, generation, seenAt);
        }

        if (status.TryGetProperty("conditions", out var conditions)
            && conditions.EnumerateArray().Any(c => c.GetProperty("status").GetString() == "True" && c.GetProperty("observedGeneration").GetInt64() == generation))
        {
            timeline.Mark(TestStage.Judged, generation, seenAt);
        }

        return version;
    }
}
