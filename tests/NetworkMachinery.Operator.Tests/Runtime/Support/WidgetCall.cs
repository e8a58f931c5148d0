using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>One call of <see cref="WidgetReconciler"/>: which object, at which generation (null: gone), and whether it was being deleted.</summary>
internal sealed record WidgetCall(ObjectKey Key, long? Generation, bool Deleting);
