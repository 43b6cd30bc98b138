extern alias generator;

using TileOptions = generator::NegLR.Generator.Emit.TileOptions;

namespace NegLR.Benchmarks.Ablation;

/// <summary>The code layouts the ablation compares; <see cref="Default"/> is what the compiler emits.</summary>
public enum LayoutVariant
{
    /// <summary>
    /// The shipped settings: 2^(1+4)-amplitude forward tiles, 2^(1+3) adjoint tiles, layers looped past 64 steps (and
    /// inside the tile when the state fits one), phase tables.
    /// </summary>
    Default,

    /// <summary>Every step written out, however long the circuit (no loop over repeated layers).</summary>
    FullyUnrolled,

    /// <summary>Layers of a state that fits one tile unrolled below 64 steps and looped outside the tile above (no looped tiles).</summary>
    NoLoopedTiles,

    /// <summary>Every pass written as its own method with constant strides (no translated method shared by passes of one shape).</summary>
    NoSharedPasses,

    /// <summary>Diagonal runs applied gate by gate inside the tiles instead of as one phase table.</summary>
    NoPhaseTables,

    /// <summary>Smaller tiles: 2^(1+3) forward, 2^(1+2) adjoint amplitudes per register block.</summary>
    SmallTiles,

    /// <summary>Larger tiles: 2^(1+5) forward, 2^(1+4) adjoint amplitudes per register block.</summary>
    LargeTiles,

    /// <summary>No fusion: one Runtime kernel call per step, from the program's data (the fallback for machines without 256-bit SIMD).</summary>
    KernelPerGate,
}

internal static class LayoutVariants
{
    public static TileOptions Options(LayoutVariant variant) => variant switch
    {
        LayoutVariant.Default => new TileOptions(),
        LayoutVariant.FullyUnrolled => new TileOptions { UnrollLimit = int.MaxValue, LoopedTiles = false },
        LayoutVariant.NoLoopedTiles => new TileOptions { LoopedTiles = false },
        LayoutVariant.NoSharedPasses => new TileOptions { SharedPasses = false },
        LayoutVariant.NoPhaseTables => new TileOptions { PhaseTables = false },
        LayoutVariant.SmallTiles => new TileOptions { ForwardTileQubits = 3, BackwardTileQubits = 2 },
        LayoutVariant.LargeTiles => new TileOptions { ForwardTileQubits = 5, BackwardTileQubits = 4 },
        LayoutVariant.KernelPerGate => new TileOptions { KernelsOnly = true },
        _ => throw new System.ArgumentOutOfRangeException(nameof(variant), variant, "Unknown layout variant."),
    };
}
