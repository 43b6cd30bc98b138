using System;

namespace NegLR;

/// <summary>A loss to minimise, for optimizers that only evaluate it (SPSA used on its own).</summary>
public delegate double ObjectiveFunction(ReadOnlySpan<double> parameters);
