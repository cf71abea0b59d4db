import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChildDto, StaffMemberDto, UnitDto } from '../dto/responses.dto';
import { DirectoryQueries, UserContext } from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { UuidParam } from './uuid-param.pipe';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly directory: DirectoryQueries) {}

  @Get()
  @ApiOperation({ summary: 'Units (schools and kindergartens) I can see, with their groups' })
  @ApiOkResponse({ type: [UnitDto] })
  list(@CurrentUser() user: UserContext) {
    return this.directory.units(user);
  }

  @Get(':unitId')
  @ApiOperation({ summary: 'One unit with its groups' })
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentUser() user: UserContext, @Param('unitId', UuidParam) unitId: string) {
    return this.directory.unit(user, unitId);
  }

  @Get(':unitId/children')
  @ApiOperation({ summary: 'Children of a unit (id, name, groupId)' })
  @ApiOkResponse({ type: [ChildDto] })
  children(@CurrentUser() user: UserContext, @Param('unitId', UuidParam) unitId: string) {
    return this.directory.children(user, unitId);
  }

  @Get(':unitId/staff')
  @ApiOperation({ summary: "The unit's staff and principals by name (who a plan's measures can be given to)" })
  @ApiOkResponse({ type: [StaffMemberDto] })
  staff(@CurrentUser() user: UserContext, @Param('unitId', UuidParam) unitId: string) {
    return this.directory.staff(user, unitId);
  }
}
