using NetworkMachinery.Bus.InProcess;

namespace NetworkMachinery.Bus.Tests.Contract;

/// <summary>The bus contract on the in-process bus.</summary>
public sealed class InProcessBusContractTests : BusContractTests
{
    protected override Task<IMessageBus> CreateBusAsync() => Task.FromResult<IMessageBus>(new InProcessBus());
}
