using NetworkMachinery.Operator.Runtime.Informers;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>An informer the services asked for, made when the operator starts so it syncs before any controller reads it.</summary>
internal sealed class InformerRegistration
{
    private readonly Func<InformerFactory, IInformer> _create;

    public InformerRegistration(Func<InformerFactory, IInformer> create) => _create = create;

    public IInformer Create(InformerFactory factory) => _create(factory);
}
