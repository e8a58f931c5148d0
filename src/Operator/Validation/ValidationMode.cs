namespace NetworkMachinery.Operator.Validation;

/// <summary>Where an object is to be used, for the rules that differ between a cluster and standalone manifests.</summary>
public enum ValidationMode
{
    /// <summary>Stored in a cluster (the admission webhook, the controllers): secrets only through Secret references.</summary>
    Cluster,

    /// <summary>A manifest read by <c>netm run</c> without a cluster: a channel may give its URL inline.</summary>
    Standalone,
}
