import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  GetCase,
  GetCaseHistory,
  GetBtiLog,
  ListCases,
  OpenConcern,
  RunCaseCommand,
  UserContext,
  InvalidInputError,
  commandInput,
  CaseCommandInput,
  VerifyCaseHistory,
  GetCaseAccessLog,
  ExportCaseFile,
} from '../../../../libs/cases/src';
import type { Response } from 'express';
import { LANGUAGE_HEADER, languageOf } from '../http/accept-language';
import { caseFilePdf } from '../presenters/case-file.pdf';
import { PURPOSE_QUERY, purposeOf } from '../dto/query-params';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateBody } from '../errors/validate-body';
import { OpenCaseDto } from '../dto/open-case.dto';
import { ListCasesQueryDto } from '../dto/list-cases.query.dto';
import { COMMAND_DTOS, PlanSchema, PlanMeasureSchema } from '../dto/commands/command-dtos';
import { AnyCommandType, CASE_COMMAND_TYPES } from '../../../../libs/cases/src/commands/command.usecase';
import { UuidParam } from './uuid-param.pipe';
import { ApiProblems } from '../dto/api-problems.decorator';
import { CaseDto, CasePageDto, EventDto, ProblemDto } from '../dto/responses.dto';
import { AccessLogDto, VerificationDto } from '../dto/audit.dto';

const COMMAND_DTO_CLASSES = Object.values(COMMAND_DTOS);

/** The body checked against its command's class: a 422 per field, or the command's typed input. */
async function parseCommand<T extends AnyCommandType>(caseId: string, type: T, body: unknown): Promise<CaseCommandInput<T>> {
  return commandInput(caseId, await validateBody(COMMAND_DTOS[type], body));
}

/** Cases: thin HTTP over the use cases. Parse, authenticate, call; the use cases decide. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiExtraModels(...COMMAND_DTO_CLASSES, PlanSchema, PlanMeasureSchema, ProblemDto)
@Controller('cases')
export class CasesController {
  constructor(
    private readonly openConcern: OpenConcern,
    private readonly runCommand: RunCaseCommand,
    private readonly getCase: GetCase,
    private readonly listCases: ListCases,
    private readonly history: GetCaseHistory,
    private readonly btiLog: GetBtiLog,
    private readonly verifyHistory: VerifyCaseHistory,
    private readonly accessLog: GetCaseAccessLog,
    private readonly exportFile: ExportCaseFile,
  ) {}

  @Get(':caseId/export')
  @ApiOperation({
    summary:
      "The case file (saksmappe) for Statsforvalteren or the archive: chronology, each duty with time and who, the child's voice, every plan version with its five elements, evaluations, the BTI log and the chain verification (principal, owner, auditor)",
  })
  @ApiProduces('application/json', 'application/pdf')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'pdf'], description: 'default json' })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 403, 404, 422)
  async export(
    @CurrentUser() user: UserContext,
    @Param('caseId', UuidParam) caseId: string,
    @Query('format') format: unknown,
    @Query('purpose') purpose: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const f = format === undefined ? 'json' : format;
    if (f !== 'json' && f !== 'pdf') throw new InvalidInputError([{ field: 'format', message: 'must be json or pdf' }]);
    const file = await this.exportFile.execute(user, caseId, f, purposeOf(purpose));
    if (f === 'json') return file;
    const pdf = await caseFilePdf(file);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="saksmappe-${file.case.id}.pdf"`);
    return new StreamableFile(pdf);
  }

  @Get(':caseId/bti-log')
  @ApiHeader(LANGUAGE_HEADER)
  @ApiOperation({ summary: 'The stafettlogg: BTI decisions, levels, coordinator and consents over time, with who is responsible now' })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 404, 422)
  bti(
    @CurrentUser() user: UserContext,
    @Param('caseId', UuidParam) caseId: string,
    @Query('purpose') purpose: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.btiLog.execute(user, caseId, { purpose: purposeOf(purpose), language: languageOf(acceptLanguage) });
  }

  @Get(':caseId/verify')
  @ApiOperation({ summary: 'Verify the hash chain of the history: { valid, events, firstBrokenSeq }' })
  @ApiOkResponse({ type: VerificationDto })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 404, 422)
  verify(@CurrentUser() user: UserContext, @Param('caseId', UuidParam) caseId: string, @Query('purpose') purpose: unknown) {
    return this.verifyHistory.execute(user, caseId, { purpose: purposeOf(purpose) });
  }

  @Get(':caseId/access-log')
  @ApiOperation({ summary: 'Every logged read of the case (who, role, when, what, why): principal, owner and auditor' })
  @ApiOkResponse({ type: AccessLogDto })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 403, 404, 422)
  access(@CurrentUser() user: UserContext, @Param('caseId', UuidParam) caseId: string, @Query('purpose') purpose: unknown) {
    return this.accessLog.execute(user, caseId, { purpose: purposeOf(purpose) });
  }

  @Post()
  @ApiOperation({ summary: 'Open a concern (melding): staff, principal or owner of the unit' })
  @ApiBody({ type: OpenCaseDto })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiProblems(401, 403, 422)
  async open(@CurrentUser() user: UserContext, @Body() body: unknown) {
    const dto = await validateBody(OpenCaseDto, body);
    return this.openConcern.execute(user, {
      unitId: dto.unitId.toLowerCase(),
      childIds: dto.childIds.map((id) => id.toLowerCase()),
      groupId: dto.groupId?.toLowerCase() ?? null,
      concern: dto.concern,
      source: dto.source,
      childSaysUnsafe: dto.childSaysUnsafe ?? false,
      staffOffender: dto.staffOffender ?? false,
      offenderIsLeadership: dto.offenderIsLeadership ?? false,
      occurredAt: dto.occurredAt ?? null,
    });
  }

  @Get()
  @ApiOperation({ summary: 'Cases in my scope, newest first; filters and cursor pagination' })
  @ApiOkResponse({ type: CasePageDto })
  @ApiProblems(401, 422)
  async list(@CurrentUser() user: UserContext, @Query() query: ListCasesQueryDto) {
    // The declared type documents the query in OpenAPI; the raw strings are validated here.
    const q = await validateBody(ListCasesQueryDto, { ...(query as object) }, '(query)');
    return this.listCases.execute(user, q);
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'One case with its deadlines and the commands I may send now' })
  @ApiOkResponse({ type: CaseDto })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 404, 422)
  get(@CurrentUser() user: UserContext, @Param('caseId', UuidParam) caseId: string, @Query('purpose') purpose: unknown) {
    return this.getCase.execute(user, caseId, { purpose: purposeOf(purpose) });
  }

  @Get(':caseId/events')
  @ApiHeader(LANGUAGE_HEADER)
  @ApiOperation({ summary: 'The full history of the case, oldest first' })
  @ApiOkResponse({ type: [EventDto] })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 404, 422)
  events(
    @CurrentUser() user: UserContext,
    @Param('caseId', UuidParam) caseId: string,
    @Query('purpose') purpose: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.history.execute(user, caseId, { purpose: purposeOf(purpose), language: languageOf(acceptLanguage) });
  }

  @Post(':caseId/commands')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a command: { type, expectedVersion, ...payload }' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(401, 403, 404, 409, 422)
  @ApiBody({
    schema: {
      oneOf: COMMAND_DTO_CLASSES.map((c) => ({ $ref: getSchemaPath(c) })),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(Object.entries(COMMAND_DTOS).map(([t, c]) => [t, getSchemaPath(c)])),
      },
    },
  })
  async command(@CurrentUser() user: UserContext, @Param('caseId', UuidParam) caseId: string, @Body() body: unknown) {
    const type = (body as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(CASE_COMMAND_TYPES as readonly string[]).includes(type)) {
      throw new InvalidInputError([{ field: 'type', message: `must be one of ${CASE_COMMAND_TYPES.join(', ')}` }]);
    }
    return this.runCommand.execute(user, await parseCommand(caseId, type as AnyCommandType, body));
  }
}
