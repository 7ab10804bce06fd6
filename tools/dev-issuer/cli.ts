// The development token issuer's command line: `serve` runs the local identity provider the services
// trust when AUTH_DEV_ISSUER=true; `token` prints a token for curl and the API docs' Authorize button.
import { DevIssuer, startDevIssuer } from '@loop/platform';
import { parseCommandLine, ServeCommand, TokenCommand, USAGE, UsageError } from './cli-args';

async function serve(command: ServeCommand): Promise<void> {
  const issuer = await startDevIssuer({ port: command.port, host: command.host, keyFile: command.keyFile });
  console.log(`development issuer listening on ${issuer.url}`);
  console.log(`  JWKS:   ${issuer.jwksUrl}`);
  console.log(
    `  tokens: POST ${issuer.url}/tokens  {"sub":"resident-1","roles":["resident"],"community_ids":["…"]}`,
  );
  console.log(`  iss=${issuer.issuer} aud=${issuer.audience} key=${command.keyFile}`);
  const stop = () => {
    void issuer.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function token(command: TokenCommand): Promise<void> {
  const issuer = await DevIssuer.create({ keyFile: command.keyFile });
  console.log(await issuer.mintToken(command.request.claims, command.request.options));
}

async function main(): Promise<void> {
  const command = parseCommandLine(process.argv.slice(2));
  if (command.command === 'serve') await serve(command);
  else await token(command);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
