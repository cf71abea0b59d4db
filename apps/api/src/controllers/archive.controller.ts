import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BuildArchiveDeposit, GetCaseJournal, UserContext } from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateBody } from '../errors/validate-body';
import { ApiProblems } from '../dto/api-problems.decorator';
import { ArchiveDepositDto, CaseJournalDto } from '../dto/archive.dto';
import { PURPOSE_QUERY, purposeOf } from '../dto/query-params';
import { UuidParam } from './uuid-param.pipe';

/** The municipal archive (Noark 5): each case's journal, and deposits of closed cases. */
@ApiTags('archive')
@ApiBearerAuth()
@Controller()
export class ArchiveController {
  constructor(
    private readonly journal: GetCaseJournal,
    private readonly deposits: BuildArchiveDeposit,
  ) {}

  @Get('cases/:caseId/journal')
  @ApiOperation({ summary: "The case's journal entries (journalposter) with their numbers and checksums (principal, owner, auditor)" })
  @ApiOkResponse({ type: CaseJournalDto })
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 403, 404, 422)
  list(@CurrentUser() user: UserContext, @Param('caseId', UuidParam) caseId: string, @Query('purpose') purpose: unknown) {
    return this.journal.execute(user, caseId, purposeOf(purpose));
  }

  @Get('cases/:caseId/journal/:entryId/document')
  @ApiOperation({ summary: 'A journalled document as PDF/A, exactly as registered (its SHA-256 is in the journal)' })
  @ApiProduces('application/pdf')
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 403, 404, 422)
  async document(
    @CurrentUser() user: UserContext,
    @Param('caseId', UuidParam) caseId: string,
    @Param('entryId', UuidParam) entryId: string,
    @Query('purpose') purpose: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { pdf, fileName } = await this.journal.document(user, caseId, entryId, purposeOf(purpose));
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(pdf);
  }

  @Post('owners/:ownerId/archive-deposits')
  @ApiOperation({
    summary:
      'A Noark 5 deposit (arkivuttrekk) of the cases closed in [from, to] that no deposit has taken (owner only), streamed as one tar; the cases count as deposited once it has been delivered',
  })
  @ApiBody({ type: ArchiveDepositDto })
  @ApiProduces('application/x-tar')
  @ApiOkResponse({ description: 'the tar; headers X-Trygg-Deposit-Id, X-Trygg-Case-Count and X-Trygg-Entry-Count' })
  @ApiProblems(401, 403, 404, 422)
  async deposit(
    @CurrentUser() user: UserContext,
    @Param('ownerId', UuidParam) ownerId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const dto = await validateBody(ArchiveDepositDto, body);
    const deposit = await this.deposits.execute(user, ownerId, dto);
    res.status(200);
    res.setHeader('Content-Type', 'application/x-tar');
    res.setHeader('Content-Disposition', `attachment; filename="${deposit.fileName}"`);
    res.setHeader('X-Trygg-Deposit-Id', deposit.depositId);
    res.setHeader('X-Trygg-Case-Count', String(deposit.caseCount));
    res.setHeader('X-Trygg-Entry-Count', String(deposit.entryCount));
    let settled: Promise<void> | undefined;
    const settle = (delivered: boolean) => (settled ??= deposit.settle(delivered).catch(() => undefined));
    const stream = deposit.stream();
    // The cases count as deposited once the whole package has gone out, and before the answer
    // ends: the client's next read (the retention preview) then sees them deposited. A download
    // broken before that gives the cases back.
    stream.on('end', () => void settle(!res.destroyed).then(() => res.end()));
    res.on('close', () => void settle(false));
    stream.on('error', () => {
      void settle(false);
      res.destroy();
    });
    stream.pipe(res, { end: false });
  }
}
