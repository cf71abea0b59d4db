import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GroupStaircase, UserContext } from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateBody } from '../errors/validate-body';
import { ApiProblems } from '../dto/api-problems.decorator';
import { GroupStaircaseDto, StaircaseAssessmentDto } from '../dto/omni.dto';
import { UuidParam } from './uuid-param.pipe';

/** Omni-trappa of a group (class, SFO group, kindergarten department), outside any case. */
@ApiTags('omni')
@ApiBearerAuth()
@Controller('groups/:groupId/staircase')
export class GroupsController {
  constructor(private readonly staircase: GroupStaircase) {}

  @Get()
  @ApiOperation({ summary: "The group's Omni-trappa step and every assessment, newest first (in cases and outside)" })
  @ApiOkResponse({ type: GroupStaircaseDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: UserContext, @Param('groupId', UuidParam) groupId: string) {
    return this.staircase.get(user, groupId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Assess the group's step (staff and principal of the unit), e.g. twice a year" })
  @ApiBody({ type: StaircaseAssessmentDto })
  @ApiOkResponse({ type: GroupStaircaseDto })
  @ApiProblems(401, 403, 404, 422)
  async assess(@CurrentUser() user: UserContext, @Param('groupId', UuidParam) groupId: string, @Body() body: unknown) {
    const dto = await validateBody(StaircaseAssessmentDto, body);
    return this.staircase.assess(user, groupId, dto);
  }
}
