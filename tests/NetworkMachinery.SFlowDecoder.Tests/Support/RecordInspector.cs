namespace NetworkMachinery.SFlow.Tests.Support;

/// <summary>Looks at one record the way a consumer sees it: inside a sample, inside a datagram.</summary>
internal delegate void RecordInspector(SFlowRecord record);
