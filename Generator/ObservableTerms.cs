using System.Collections.Generic;
using System.Globalization;
using NegLR.Generator.Model;

namespace NegLR.Generator;

/// <summary>
/// Reads an [Observable] text at compile time with the Runtime's own parser (linked source), merging like terms and
/// dropping the identity exactly as <c>PauliSum</c> does, so term k here is <c>PauliSum.Terms[k]</c> at run time.
/// </summary>
internal static class ObservableTerms
{
    /// <summary>The terms as (sparse label, support mask), or null with <paramref name="problem"/> set.</summary>
    public static List<(string Label, int Support)>? Read(ObservableSpec observable, int qubits, out string? problem)
    {
        var parsed = PauliSumParser.ParseTerms(observable.Text, out var error);
        if (parsed is null)
        {
            problem = $"the observable {observable.Name} (\"{observable.Text}\") does not parse: {error!.Message}.";
            return null;
        }

        var order = new List<(int X, int Z)>();
        var sums = new Dictionary<(int X, int Z), double>();
        foreach (var (coefficient, x, z) in parsed)
        {
            if ((x | z) == 0)
            {
                continue;
            }

            if (sums.TryGetValue((x, z), out double sum))
            {
                sums[(x, z)] = sum + coefficient;
            }
            else
            {
                sums[(x, z)] = coefficient;
                order.Add((x, z));
            }
        }

        var terms = new List<(string Label, int Support)>();
        foreach (var key in order)
        {
            if (sums[key] == 0)
            {
                continue;
            }

            int support = key.X | key.Z;
            if (support >> qubits != 0)
            {
                problem = $"the observable {observable.Name} (\"{observable.Text}\") acts on qubit {HighestBit(support)}, but the ansatz has qubits 0 to {qubits - 1}.";
                return null;
            }

            terms.Add((Label(key.X, key.Z), support));
        }

        problem = null;
        return terms;
    }

    private static int HighestBit(int mask)
    {
        int q = 0;
        while ((mask >> (q + 1)) != 0)
        {
            q++;
        }

        return q;
    }

    private static string Label(int x, int z)
    {
        var parts = new List<string>();
        for (int q = 0; q < 31; q++)
        {
            bool hasX = (x >> q & 1) != 0, hasZ = (z >> q & 1) != 0;
            if (hasX || hasZ)
            {
                parts.Add((hasX ? (hasZ ? "Y" : "X") : "Z") + q.ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(" ", parts);
    }
}
