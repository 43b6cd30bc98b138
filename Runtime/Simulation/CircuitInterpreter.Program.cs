using System;
using NegLR.Simulation;

namespace NegLR;

// The compiled steps, for the trainer's circuit-aware methods (metric tensor, Rotosolve's spectra, custom-loss
// gradients), which walk the same steps the interpreter runs.
public sealed partial class CircuitInterpreter
{
    /// <summary>The primitive steps (Rot and U3 as three each), in execution order.</summary>
    internal ReadOnlySpan<Instruction> Program => _program;
}
