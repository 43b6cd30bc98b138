using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Where each recorded gate and weight came from in the body, so the analyzers can point at the call behind a fact
/// (a dead weight's gate) rather than at the method. One location per call site, shared by every gate it records.
/// </summary>
internal sealed class BodySites
{
    private readonly Dictionary<int, Location> _weights = new();

    /// <summary>The call that recorded gate i, in gate order.</summary>
    public List<Location> Gates { get; } = new();

    /// <summary>Notes that <paramref name="site"/> recorded gates up to <paramref name="gateCount"/>.</summary>
    public void RecordGates(int gateCount, Location site)
    {
        while (Gates.Count < gateCount)
        {
            Gates.Add(site);
        }
    }

    /// <summary>Notes the first call that named weight <paramref name="index"/>.</summary>
    public void RecordWeight(int index, Location site)
    {
        if (index >= 0 && !_weights.ContainsKey(index))
        {
            _weights.Add(index, site);
        }
    }

    public ImmutableArray<Location?> WeightSites(Circuit? circuit)
    {
        if (circuit is null)
        {
            return ImmutableArray<Location?>.Empty;
        }

        var sites = ImmutableArray.CreateBuilder<Location?>(circuit.WeightCount);
        for (int k = 0; k < circuit.WeightCount; k++)
        {
            sites.Add(_weights.TryGetValue(k, out var site) ? site : null);
        }

        return sites.MoveToImmutable();
    }
}
