using System;

namespace NegLR.Analyzers.Trainability;

/// <summary>
/// The deepest layer count a rule still accepts, for the "reduce layers" fix: candidates are tried from one layer up and
/// the search stops at the first one the rule flags, so its cost is set by the answer (a handful of layers for the
/// trainability rules), never by the declared count — <c>Layers = 100000</c> costs no more than <c>Layers = 10</c>.
/// A rule that any other depth criterion (issue 13's noise-induced plateau) brings can reuse it with its own predicate.
/// </summary>
internal static class LayerSearch
{
    /// <summary>Most candidates tried: beyond this many trainable layers the answer is capped (still trainable, conservatively).</summary>
    public const int MaxCandidates = 64;

    /// <summary>
    /// The most layers below <paramref name="declared"/> for which <paramref name="accepts"/> holds at every depth from 1
    /// up, at most <see cref="MaxCandidates"/>; 0 when even one layer is flagged.
    /// </summary>
    public static int Deepest(int declared, Func<int, bool> accepts)
    {
        int limit = Math.Min(declared - 1, MaxCandidates);
        int deepest = 0;
        for (int layers = 1; layers <= limit; layers++)
        {
            if (!accepts(layers))
            {
                break;
            }

            deepest = layers;
        }

        return deepest;
    }
}
