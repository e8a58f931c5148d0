namespace NetworkMachinery.Operator.Runtime.Health;

/// <summary>A part of the operator beyond informers and leader election that <c>/readyz</c> waits for, such as the admission webhook.</summary>
public interface IReadinessCheck
{
    /// <summary>Whether the part is ready, and one line saying so or why not.</summary>
    (bool Ready, string Report) Check();
}
