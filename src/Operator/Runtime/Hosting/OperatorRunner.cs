using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Leadership;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>
/// The hosted service that runs the operator: informers from the start (leader or not, so a standby is warm and ready),
/// controllers only while this instance leads. Start returns at once; if a loop dies unexpectedly the application is
/// stopped, so that Kubernetes restarts the pod. Stop cancels the controllers and waits for their drain and the lease's
/// release, then stops the informers.
/// </summary>
internal sealed class OperatorRunner : IHostedService, IDisposable
{
    private readonly InformerFactory _informers;
    private readonly IReadOnlyList<InformerRegistration> _registrations;
    private readonly IReadOnlyList<IController> _controllers;
    private readonly LeaderElector? _elector;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopControllers = new();
    private readonly CancellationTokenSource _stopInformers = new();
    private Task _informersLoop = Task.CompletedTask;
    private Task _controllersLoop = Task.CompletedTask;

    public OperatorRunner(
        InformerFactory informers,
        IEnumerable<InformerRegistration> registrations,
        IEnumerable<IController> controllers,
        IHostApplicationLifetime lifetime,
        ILogger<OperatorRunner> logger,
        LeaderElector? elector = null)
    {
        _informers = informers;
        _registrations = [.. registrations];
        _controllers = [.. controllers];
        _elector = elector;
        _lifetime = lifetime;
        _logger = logger;
        var duplicate = _controllers.GroupBy(controller => controller.Name).FirstOrDefault(names => names.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two controllers are named '{duplicate.Key}'; names label metrics and must be unique.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in _registrations)
        {
            registration.Create(_informers);
        }

        OperatorRunnerLog.Starting(
            _logger,
            _informers.Informers.Count,
            _controllers.Count,
            string.Join(", ", _controllers.Select(controller => controller.Name)),
            _elector is null ? "off" : $"on as {_elector.Identity}");
        _informersLoop = Watch("the informers", _informers.RunAsync(_stopInformers.Token), _stopInformers.Token);
        _controllersLoop = Watch(
            _elector is null ? "the controllers" : "leader election",
            _elector is null ? RunControllersAsync(_stopControllers.Token) : _elector.RunAsync(RunControllersAsync, _stopControllers.Token),
            _stopControllers.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopControllers.CancelAsync();
        await _controllersLoop.WaitAsync(cancellationToken);
        await _stopInformers.CancelAsync();
        await _informersLoop.WaitAsync(cancellationToken);
        OperatorRunnerLog.Stopped(_logger);
    }

    public void Dispose()
    {
        _stopControllers.Dispose();
        _stopInformers.Dispose();
    }

    /// <summary>
    /// Runs every controller until cancelled (with none, just waits, holding the lease); the first to fail stops the
    /// others and its exception is passed on.
    /// </summary>
    private async Task RunControllersAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAll([.. _controllers.Select(controller => RunOneAsync(controller, stop)), UntilCancelled(cancellationToken)]);
    }

    private static async Task UntilCancelled(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // What we waited for.
        }
    }

    private static async Task RunOneAsync(IController controller, CancellationTokenSource stopAll)
    {
        try
        {
            await Task.Run(() => controller.RunAsync(stopAll.Token), CancellationToken.None);
        }
        catch
        {
            await stopAll.CancelAsync();
            throw;
        }
    }

    private async Task Watch(string loop, Task running, CancellationToken stopping)
    {
        try
        {
            await running;
        }
        catch (Exception e)
        {
            OperatorRunnerLog.LoopFailed(_logger, loop, e);
            _lifetime.StopApplication();
            return;
        }

        if (!stopping.IsCancellationRequested)
        {
            OperatorRunnerLog.LoopFailed(_logger, loop, null);
            _lifetime.StopApplication();
        }
    }
}
