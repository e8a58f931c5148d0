using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>
/// Declares what else a controller watches (controller-runtime's <c>Watches</c> and <c>Owns</c>): changes to other kinds
/// of objects that queue keys of the controller's own kind. Returned by
/// <see cref="OperatorServiceCollectionExtensions.AddController{T, TReconciler}"/>.
/// </summary>
/// <typeparam name="T">The controller's own object type.</typeparam>
public sealed class ControllerBuilder<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly List<Func<IServiceProvider, IControllerWatch<T>>> _watches = [];

    internal ControllerBuilder(IServiceCollection services, ControllerOptions options)
    {
        Services = services;
        Options = options;
    }

    /// <summary>The services the controller was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The controller's options.</summary>
    public ControllerOptions Options { get; }

    /// <summary>
    /// Reconciles the objects <paramref name="map"/> names whenever a <typeparamref name="TSource"/> is added, changed
    /// (old and new state both mapped) or deleted. The workers start only once its informer synced too.
    /// </summary>
    /// <param name="map">The keys of the controller's objects concerned by a source object; it may search the controller's cache.</param>
    /// <param name="namespace">The namespace to watch, or null for all.</param>
    public ControllerBuilder<T> Watches<TSource>(Func<TSource, IResourceCache<T>, IEnumerable<ObjectKey>> map, string? @namespace = null)
        where TSource : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(map);
        Services.AddInformer<TSource>(@namespace);
        _watches.Add(provider => new MappedWatch<TSource, T>(provider.GetRequiredService<InformerFactory>().Get<TSource>(@namespace), map));
        return this;
    }

    /// <summary>Reconciles the owner (an object of the controller's kind, by <c>ownerReferences</c>) of each changed <typeparamref name="TSource"/>.</summary>
    /// <param name="namespace">The namespace to watch, or null for all.</param>
    public ControllerBuilder<T> Owns<TSource>(string? @namespace = null)
        where TSource : class, IKubernetesObject<V1ObjectMeta> =>
        Watches<TSource>((owned, _) => Owners(owned), @namespace);

    /// <summary>
    /// Reconciles the objects whose keys the registered <typeparamref name="TSource"/> raises: events from outside the
    /// API server (controller-runtime's <c>source.Channel</c>).
    /// </summary>
    public ControllerBuilder<T> WatchesKeys<TSource>()
        where TSource : class, IKeySource
    {
        _watches.Add(provider => new KeySourceWatch<T>(provider.GetRequiredService<TSource>()));
        return this;
    }

    internal IReadOnlyList<IControllerWatch<T>> CreateWatches(IServiceProvider provider) => [.. _watches.Select(watch => watch(provider))];

    private static IEnumerable<ObjectKey> Owners(IKubernetesObject<V1ObjectMeta> owned)
    {
        var type = ResourceType.Of<T>();
        var @namespace = string.IsNullOrEmpty(owned.Metadata.NamespaceProperty) ? null : owned.Metadata.NamespaceProperty;
        return (owned.Metadata.OwnerReferences ?? [])
            .Where(owner => owner.Kind == type.Kind && owner.ApiVersion == type.ApiVersion)
            .Select(owner => new ObjectKey(@namespace, owner.Name));
    }
}
