using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Builds circuits in the shape <see cref="IdentityBlockInitialization"/> needs (Grant et al. 2019): a block is
/// <c>layers</c> layers of single-qubit rotations followed by a CZ chain, then the same gates in reverse order with fresh
/// weights, so that the initializer can make the second half the inverse of the first.
/// </summary>
public static class IdentityBlocks
{
    /// <summary>
    /// Appends one block on all of <paramref name="circuit"/>'s qubits: for each of <paramref name="layers"/> layers a
    /// rotation about <paramref name="axes"/>[layer × qubits + q] on every qubit q and a chain of CZ(q, q + 1), then the
    /// mirror image of those gates with new weights. Returns the block's weight count (2 × layers × qubits); the block's
    /// weights are consecutive, first half first.
    /// </summary>
    /// <param name="circuit">The circuit to extend.</param>
    /// <param name="layers">Layers in the first half, at least 1.</param>
    /// <param name="axes">One rotation axis per qubit and layer (Grant et al. draw them at random).</param>
    public static int Append(Circuit circuit, int layers, ReadOnlySpan<Rotation> axes)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        int n = circuit.Qubits;
        if (layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "A block needs at least one layer.");
        }

        if (axes.Length != layers * n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Give one axis per qubit and layer: {layers} × {n} = {layers * n}, not {axes.Length}."), nameof(axes));
        }

        for (int layer = 0; layer < layers; layer++)
        {
            for (int q = 0; q < n; q++)
            {
                circuit.Rotate(axes[(layer * n) + q], q, circuit.Weight());
            }

            for (int q = 0; q + 1 < n; q++)
            {
                circuit.CZ(q, q + 1);
            }
        }

        for (int layer = layers - 1; layer >= 0; layer--)
        {
            for (int q = n - 2; q >= 0; q--)
            {
                circuit.CZ(q, q + 1);
            }

            for (int q = n - 1; q >= 0; q--)
            {
                circuit.Rotate(axes[(layer * n) + q], q, circuit.Weight());
            }
        }

        return 2 * layers * n;
    }

    /// <summary>Axes drawn uniformly from X, Y, Z (for <see cref="Append"/>), as Grant et al. and McClean et al. draw them.</summary>
    public static Rotation[] RandomAxes(int count, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var axes = new Rotation[count];
        for (int i = 0; i < count; i++)
        {
            axes[i] = (Rotation)random.NextInt(3);
        }

        return axes;
    }
}
