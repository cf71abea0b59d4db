import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DirectoryQueries } from '../../../../libs/cases/src';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../../libs/cases/src/errors';
import { Directory, DIRECTORY } from '../../../../libs/cases/src/ports';
import { DEMO_USERNAMES } from '../../../../libs/persistence/src/seed/demo-data';
import { Public } from '../auth/public.decorator';
import { clearSessionCookie, cookieValue, sessionIdOf, setSessionCookie } from '../auth/session-cookie';
import { csrfMatches, SessionStore } from '../auth/session.store';
import { DevLoginDto, DevUserDto, LogoutDto, SessionDto } from '../dto/auth.dto';
import { validateBody } from '../errors/validate-body';
import { API_RUNTIME, ApiRuntime } from '../infrastructure.providers';
import { OidcLogin } from '../auth/oidc-login';

const OIDC_STATE_COOKIE = 'trygg_oidc_state';

/**
 * Signing in to the web app (backend for frontend): the session lives in Redis, the browser holds
 * an httpOnly cookie. Production signs in through the owner's OIDC provider; development and demo
 * also offer the demo users, one click each, which production refuses.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionStore,
    private readonly me: DirectoryQueries,
    @Inject(DIRECTORY) private readonly directory: Directory,
    @Inject(API_RUNTIME) private readonly rt: ApiRuntime,
    private readonly oidc: OidcLogin,
  ) {}

  private get devLoginAllowed(): boolean {
    return this.rt.environment !== 'production';
  }

  @Public()
  @Get('session')
  @ApiOperation({ summary: 'Who is signed in in this browser, the CSRF token for writes, and how one can sign in' })
  @ApiOkResponse({ type: SessionDto })
  async session(@Req() req: Request): Promise<SessionDto> {
    const sid = sessionIdOf(req, this.rt.environment);
    const session = sid ? await this.sessions.get(sid) : undefined;
    const user = session ? await this.directory.userByUsername(session.username) : undefined;
    return {
      signedIn: !!user,
      csrfToken: user ? session!.csrf : null,
      me: user ? await this.me.me(user) : null,
      methods: { dev: this.devLoginAllowed, oidc: this.oidc.configured },
    };
  }

  @Public()
  @Get('dev-users')
  @ApiOperation({ summary: 'Development and demo only: the demo users to sign in as' })
  @ApiOkResponse({ type: [DevUserDto] })
  async devUsers(): Promise<DevUserDto[]> {
    if (!this.devLoginAllowed)
      throw new ForbiddenError('signing in as a demo user is refused in production', 'NODE_ENV other than production');
    const users = await Promise.all(DEMO_USERNAMES.map((u) => this.directory.userByUsername(u)));
    return Promise.all(
      users
        .filter((u) => !!u)
        .map(async (u) => ({
          username: u!.username,
          displayName: u!.displayName,
          roles: (await this.me.me(u!)).roles,
          unitNames: (await this.me.units(u!)).map((x) => x.name),
        })),
    );
  }

  @Public()
  @Post('dev-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development and demo only: sign in as a demo user (refused in production)' })
  @ApiBody({ type: DevLoginDto })
  @ApiOkResponse({ type: SessionDto })
  async devLogin(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    if (!this.devLoginAllowed)
      throw new ForbiddenError('signing in as a demo user is refused in production', 'NODE_ENV other than production');
    const { username } = await validateBody(DevLoginDto, body);
    const user = await this.directory.userByUsername(username);
    if (!user || !DEMO_USERNAMES.includes(username)) throw new InvalidInputError([{ field: 'username', message: 'is not a demo user' }]);
    await this.endSession(req);
    const { id, session } = await this.sessions.create({ username, method: 'dev' });
    setSessionCookie(res, this.rt.environment, id);
    return { signedIn: true, csrfToken: session.csrf, me: await this.me.me(user), methods: { dev: true, oidc: this.oidc.configured } };
  }

  @Public()
  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the session in this browser (CSRF token required); with OIDC, where to end it at the provider too' })
  @ApiOkResponse({ type: LogoutDto })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ endSessionUrl: string | null }> {
    const sid = sessionIdOf(req, this.rt.environment);
    const session = sid ? await this.sessions.get(sid) : undefined;
    if (session && !csrfMatches(session, req.headers['x-csrf-token'])) {
      throw new ForbiddenError('the request lacks this session’s CSRF token (X-CSRF-Token)', 'X-CSRF-Token');
    }
    if (sid) await this.sessions.destroy(sid);
    clearSessionCookie(res, this.rt.environment);
    return { endSessionUrl: session ? await this.oidc.endSessionUrl(session).catch(() => null) : null };
  }

  @Public()
  @Get('oidc/login')
  @ApiOperation({ summary: "Sign in through the owner's OIDC provider (authorization code + PKCE): redirects there" })
  async oidcLogin(@Res() res: Response): Promise<void> {
    if (!this.oidc.configured)
      throw new NotFoundError('OIDC sign-in is not configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)');
    const { url, state } = await this.oidc.start();
    res.cookie(OIDC_STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.rt.environment !== 'development',
      path: '/api/auth/oidc',
      maxAge: 600_000,
    });
    res.redirect(303, url);
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({ summary: 'Where the OIDC provider sends the browser back; opens the session and goes to the start page' })
  async oidcCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.configured) throw new NotFoundError('OIDC sign-in is not configured');
    res.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
    let username: string;
    let idToken: string | undefined;
    try {
      ({ username, idToken } = await this.oidc.finish(
        new URL(req.originalUrl, this.rt.publicUrl ?? `${req.protocol}://${req.get('host')}`),
        cookieValue(req.headers.cookie, OIDC_STATE_COOKIE),
      ));
    } catch {
      // The provider said no, the user cancelled, or the round trip was tampered with: say so plainly.
      return res.redirect(303, '/logg-inn?feil=innlogging');
    }
    const user = await this.directory.userByUsername(username);
    if (!user) return res.redirect(303, '/logg-inn?feil=ukjent-bruker');
    await this.endSession(req);
    const { id } = await this.sessions.create({ username, method: 'oidc', idToken });
    setSessionCookie(res, this.rt.environment, id);
    res.redirect(303, '/');
  }

  private async endSession(req: Request): Promise<void> {
    const sid = sessionIdOf(req, this.rt.environment);
    if (sid) await this.sessions.destroy(sid);
  }
}
