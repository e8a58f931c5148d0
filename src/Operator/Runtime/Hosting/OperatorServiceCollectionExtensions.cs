using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Health;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Leadership;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>
/// Registers the operator's runtime: shared informers, controllers, leader election, health, and the hosted service that
/// runs them. The caller registers an <see cref="IKubernetes"/>; a <see cref="TimeProvider"/> and a Prometheus
/// <see cref="CollectorRegistry"/> registered before these calls are used instead of the system clock and the default registry.
/// </summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime once: informers, leader election when <paramref name="options"/> asks for it, the
    /// <see cref="IEventRecorder"/>, health, the runner.
    /// </summary>
    /// <exception cref="ArgumentException">The leader election's timings are inconsistent.</exception>
    public static IServiceCollection AddOperatorRuntime(this IServiceCollection services, OperatorRuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new OperatorRuntimeOptions();
        options.LeaderElection?.Validate();
        options.Events.Validate();
        if (services.Any(service => service.ServiceType == typeof(OperatorRuntimeOptions)))
        {
            throw new InvalidOperationException("AddOperatorRuntime was called already.");
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        services.AddSingleton<InformerMetrics>();
        services.AddSingleton<WorkQueueMetrics>();
        services.AddSingleton<ControllerMetrics>();
        services.AddSingleton(provider => new InformerFactory(
            provider.GetRequiredService<IKubernetes>(),
            options.Informers,
            provider.GetRequiredService<InformerMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(typeof(IResourceClient<>), typeof(ResourceClient<>));
        if (options.LeaderElection is { } election)
        {
            services.AddSingleton<LeaderElectionMetrics>();
            services.TryAddSingleton<ILeaseStore, KubernetesLeaseStore>();
            services.AddSingleton(provider => new LeaderElector(
                election,
                provider.GetRequiredService<ILeaseStore>(),
                provider.GetRequiredService<LeaderElectionMetrics>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<LeaderElector>>()));
            services.AddSingleton<ILeaderElector>(provider => provider.GetRequiredService<LeaderElector>());
        }

        services.AddSingleton(options.Events);
        services.AddSingleton<EventMetrics>();
        services.TryAddSingleton<IEventSink, KubernetesEventSink>();
        services.AddSingleton<EventRecorder>();
        services.AddSingleton<IEventRecorder>(provider => provider.GetRequiredService<EventRecorder>());

        // Before the runner: hosted services stop in reverse order, so the recorder writes what the controllers record while they drain.
        services.AddHostedService(provider => provider.GetRequiredService<EventRecorder>());
        services.AddSingleton<OperatorHealth>();
        services.AddSingleton<OperatorRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<OperatorRunner>());
        return services;
    }

    /// <summary>
    /// Makes an informer for <typeparamref name="T"/> (shared: one per kind and namespace) run from the start, and
    /// registers it as <see cref="IInformer{T}"/> for reconcilers that read its cache.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="namespace">The namespace to watch, or null for all.</param>
    public static IServiceCollection AddInformer<T>(this IServiceCollection services, string? @namespace = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new InformerRegistration(factory => factory.Get<T>(@namespace)));
        services.TryAddSingleton(provider => provider.GetRequiredService<InformerFactory>().Get<T>(@namespace));
        return services;
    }

    /// <summary>
    /// Adds a controller for <typeparamref name="T"/> whose reconciler, <typeparamref name="TReconciler"/>, is resolved in
    /// a new DI scope per reconcile. It runs while this instance leads (at once without leader election).
    /// </summary>
    /// <param name="services">The services, with <see cref="AddOperatorRuntime"/> added.</param>
    /// <param name="options">The controller's name, workers, namespace and retry policy.</param>
    /// <returns>A builder to declare what else the controller watches.</returns>
    public static ControllerBuilder<T> AddController<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(
        this IServiceCollection services, ControllerOptions options)
        where T : class, IKubernetesObject<V1ObjectMeta>
        where TReconciler : class, IReconciler<T>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Name);
        services.TryAddScoped<TReconciler>();
        services.AddInformer<T>(options.Namespace);
        var builder = new ControllerBuilder<T>(services, options);
        services.AddSingleton<IController>(provider =>
        {
            var factory = provider.GetRequiredService<InformerFactory>();
            return new Controller<T>(
                options,
                factory.Get<T>(options.Namespace),
                new ScopedReconciler<T, TReconciler>(provider.GetRequiredService<IServiceScopeFactory>()),
                builder.CreateWatches(provider),
                provider.GetRequiredService<ControllerMetrics>(),
                provider.GetRequiredService<WorkQueueMetrics>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger($"{typeof(Controller<>).Namespace}.Controller.{options.Name}"));
        });
        return builder;
    }
}
