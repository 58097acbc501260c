using System.Globalization;

namespace Examens.Cli.Commandes;

/// <summary>
/// Progress on the error output: a bar redrawn in place on a terminal, plain lines otherwise (a log file or a pipe
/// gets one readable line per step, no control characters).
/// </summary>
internal sealed class Progression(TextWriter erreurs, string libelle, int total, bool terminal) : IProgress<int>
{
    private const int Largeur = 30;
    private int _dernier = -1;

    public static bool EstTerminal(TextWriter erreurs) => ReferenceEquals(erreurs, Console.Error) && !Console.IsErrorRedirected;

    public void Report(int value)
    {
        var fait = Math.Min(value, total);
        if (fait == _dernier)
        {
            return;
        }

        _dernier = fait;
        var pourcent = total == 0 ? 100 : fait * 100 / total;
        if (terminal)
        {
            var plein = pourcent * Largeur / 100;
            erreurs.Write(string.Create(CultureInfo.InvariantCulture, $"\r{libelle} [{new string('#', plein)}{new string('-', Largeur - plein)}] {pourcent,3} % ({fait}/{total})"));
            if (fait == total)
            {
                erreurs.WriteLine();
            }
        }
        else
        {
            erreurs.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{libelle} : {fait}/{total} ({pourcent} %)"));
        }
    }
}
