import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './api.module';
import { ApiRuntime } from './infrastructure.providers';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { bodyParseErrors, bodyShapeGuard } from './http/body-shape.middleware';
import { noStore, securityHeaders } from './http/security-headers';
import { webAppHandlers } from './http/web-app';
import { apiLogging, PinoNestLogger } from './logging';

/** Builds the HTTP app; used by main.ts and by the integration tests alike. */
export async function createApiApp(rt: ApiRuntime & { logLevel: string }): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(rt), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  const logging = apiLogging(rt.logLevel);
  app.useLogger(new PinoNestLogger(logging.logger));
  // Before any route: headers on every answer, then the body parsed and its shape checked.
  app.use(securityHeaders());
  app.use(noStore);
  app.useBodyParser('json', { limit: '100kb' });
  app.use(bodyParseErrors);
  app.use(bodyShapeGuard);
  for (const handler of webAppHandlers(rt.webDist)) app.use(handler);
  // A line per API request (the web app's files are not worth one), and `req.log` for the rest.
  app.use(logging.http);
  // /metrics sits at the root where Prometheus looks for it; everything else is under /api.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  // Listed, not the default of every signal: SIGUSR2 (a profiler attaching) must not stop the API.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('query parser', 'simple');
  if (rt.trustProxy) express.set('trust proxy', /^\d+$/.test(rt.trustProxy) ? Number(rt.trustProxy) : rt.trustProxy);

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Trygg API')
      .setDescription(
        'Case handling for the duty to act (aktivitetsplikt): opplæringslova §12-4/§12-5 and barnehageloven §42/§43. ' +
          'Errors are application/problem+json (RFC 9457). See docs/api.md.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json' });
  mountQueueDashboard(app);
  await app.init();
  return app;
}
