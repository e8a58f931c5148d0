using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.Support;

/// <summary>The core v1 Events about one object, as <c>kubectl describe</c> finds them (by the involved object's uid).</summary>
internal static class ObjectEvents
{
    /// <summary>Reads the object's Events until <paramref name="done"/> holds for them; fails with what there was after <paramref name="timeout"/>.</summary>
    public static async Task<IList<Corev1Event>> UntilAsync(IKubernetes client, string @namespace, string uid, Func<IList<Corev1Event>, bool> done, TimeSpan timeout)
    {
        IList<Corev1Event> events = [];
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            events = (await client.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: $"involvedObject.uid={uid}")).Items;
            if (done(events))
            {
                return events;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the events were not as expected within {timeout}: {string.Join("; ", events.Select(e => $"{e.Type} {e.Reason} x{e.Count}: {e.Message}"))}");
        return events;
    }
}
