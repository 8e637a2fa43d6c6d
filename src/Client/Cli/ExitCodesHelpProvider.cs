using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Tributary.Cli;

/// <summary>Spectre's help, with the exit codes listed at its foot.</summary>
/// <param name="settings">The app's settings.</param>
internal sealed class ExitCodesHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <inheritdoc />
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(4)).AddColumn();
        foreach (var (code, meaning) in CliExitCode.All)
        {
            grid.AddRow(new Text(code.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(meaning));
        }

        return [.. base.GetFooter(model, command), new Text(Environment.NewLine), new Markup("[yellow]EXIT CODES:[/]" + Environment.NewLine), grid];
    }
}
