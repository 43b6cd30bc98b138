using System.Collections.Generic;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Which call in the body recorded each gate and first named each weight (as nodes of the <see cref="BodyModel"/>), so
/// the analyzers can point at the call behind a fact (a dead weight's gate) rather than at the method.
/// </summary>
internal sealed class BodySites
{
    private readonly Dictionary<int, int> _weights = new();

    /// <summary>The call node that recorded gate i, in gate order.</summary>
    public List<int> Gates { get; } = new();

    /// <summary>Notes that call <paramref name="node"/> recorded gates up to <paramref name="gateCount"/>.</summary>
    public void RecordGates(int gateCount, int node)
    {
        while (Gates.Count < gateCount)
        {
            Gates.Add(node);
        }
    }

    /// <summary>Notes the first call that named weight <paramref name="index"/>.</summary>
    public void RecordWeight(int index, int node)
    {
        if (index >= 0 && !_weights.ContainsKey(index))
        {
            _weights.Add(index, node);
        }
    }

    /// <summary>The call that first named weight <paramref name="index"/>, or −1 (a template's weight, or one skipped by Weight(k)).</summary>
    public int WeightSite(int index) => _weights.TryGetValue(index, out int node) ? node : -1;
}
