namespace NetworkMachinery.SFlow;

/// <summary>A record type that can decode itself from the data of an <see cref="SFlowRecord"/>.</summary>
/// <typeparam name="TSelf">The record type.</typeparam>
public interface ISFlowRecord<TSelf>
    where TSelf : ISFlowRecord<TSelf>, allows ref struct
{
    /// <summary>Decodes the record from <paramref name="reader"/>, which spans exactly the record's data.</summary>
    /// <returns>False with an error recorded in <paramref name="reader"/> when the data does not hold the record.</returns>
    static abstract bool TryRead(scoped ref XdrReader reader, out TSelf value);
}
