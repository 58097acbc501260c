using Examens.Cli;

return await Application.ExecuterAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false);
