using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR;

// Dense labels ("IIZX") as Qiskit's SparsePauliOp.from_list prints them, to copy published Hamiltonians verbatim.
public sealed partial class PauliSum
{
    /// <summary>
    /// Builds a sum from dense labels, one letter (I, X, Y, Z) per qubit, e.g. Qiskit's <c>("IIZZ", 0.12)</c>. Qiskit
    /// writes the <b>rightmost</b> letter for qubit 0 (the default); pass <paramref name="rightmostIsQubit0"/> = false for
    /// OpenFermion/symmer strings, whose leftmost letter is qubit 0. All labels must have the same length (1 to 30);
    /// letters may be lower case. Like terms merge and all-I labels go into <see cref="Constant"/>, as in the constructor.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> or a label is null.</exception>
    /// <exception cref="ArgumentException">A label is empty, too long, of another length than the first, has a letter
    /// other than I/X/Y/Z, or a coefficient is not finite.</exception>
    public static PauliSum FromDenseLabels(IEnumerable<(string Label, double Coefficient)> terms, bool rightmostIsQubit0 = true)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var list = new List<PauliTerm>();
        int width = -1;
        foreach (var (label, coefficient) in terms)
        {
            int k = list.Count;
            if (label is null)
            {
                throw new ArgumentNullException(nameof(terms), Invariant($"Term {k} has a null label."));
            }

            if (label.Length == 0 || label.Length > Circuit.MaxQubits)
            {
                throw new ArgumentException(Invariant($"Term {k}: a dense label has 1 to {Circuit.MaxQubits} letters, but '{label}' has {label.Length}."), nameof(terms));
            }

            if (width >= 0 && label.Length != width)
            {
                throw new ArgumentException(Invariant($"Term {k}: label '{label}' has {label.Length} letters, but the first label has {width}; dense labels must all cover the same qubits."), nameof(terms));
            }

            if (!double.IsFinite(coefficient))
            {
                throw new ArgumentException(Invariant($"Term {k} ('{label}'): the coefficient {coefficient} is not a finite number."), nameof(terms));
            }

            width = label.Length;
            int x = 0, z = 0;
            for (int c = 0; c < label.Length; c++)
            {
                int qubit = rightmostIsQubit0 ? label.Length - 1 - c : c;
                switch (char.ToUpperInvariant(label[c]))
                {
                    case 'I': break;
                    case 'X': x |= 1 << qubit; break;
                    case 'Y': x |= 1 << qubit; z |= 1 << qubit; break;
                    case 'Z': z |= 1 << qubit; break;
                    default:
                        throw new ArgumentException(Invariant($"Term {k}: label '{label}' has '{label[c]}' at character {c}; expected I, X, Y or Z."), nameof(terms));
                }
            }

            list.Add(new PauliTerm(coefficient, x, z));
        }

        return new PauliSum(list);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
