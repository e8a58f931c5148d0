using System.Diagnostics.CodeAnalysis;

namespace NetworkMachinery.SFlow;

/// <summary>Throws for API misuse, kept out of line so hot methods stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);
}
