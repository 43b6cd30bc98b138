using System;

namespace NegLR;

/// <summary>
/// An optimizer that remembers the parameters with the lowest loss it was given (NLR's keep-best). The trainer returns
/// those parameters at the end of a run; a generated optimizer implements this to take part.
/// </summary>
public interface IKeepsBest
{
    /// <summary>Whether keep-best is on.</summary>
    bool KeepsBest { get; }

    /// <summary>The lowest loss seen (+∞ before the first step).</summary>
    double BestLoss { get; }

    /// <summary>Copies the best parameters into <paramref name="destination"/>; false (nothing copied) when there are none.</summary>
    bool TryCopyBest(Span<double> destination);
}
