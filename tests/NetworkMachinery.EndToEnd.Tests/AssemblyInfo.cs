// One node runs per machine (its interfaces, iptables chains and cgroups are the host's): the collections, each with
// a cluster of its own, run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
